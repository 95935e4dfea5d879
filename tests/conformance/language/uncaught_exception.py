# An uncaught exception prints a traceback (with 3.11 carets) to stderr and exits with status 1.
class Account:
    def __init__(self, balance):
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds: %d > %d" % (amount, self.balance))
        self.balance -= amount
        return self.balance


def run():
    acct = Account(100)
    print("after first withdrawal:", acct.withdraw(30))
    print("after second withdrawal:", acct.withdraw(50))
    acct.withdraw(500)
    print("never printed")


run()
