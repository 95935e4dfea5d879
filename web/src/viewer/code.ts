// The program's text: a CodeMirror 6 editor with Python highlighting, marking the line the
// selected step ran and the line each frame will run next.
import { EditorState, StateEffect, StateField, RangeSetBuilder, type Extension } from "@codemirror/state";
import { EditorView, Decoration, lineNumbers, highlightActiveLineGutter, keymap, drawSelection, type DecorationSet } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching } from "@codemirror/language";
import { python } from "@codemirror/lang-python";

export interface LineMarks {
  /** The line the step executed (0: none). */
  ran: number;
  /** Lines frames will run next, the top frame's last. */
  next: number[];
}

const setMarks = StateEffect.define<LineMarks>();

const ranLine = Decoration.line({ class: "cm-ran-line" });
const nextLine = Decoration.line({ class: "cm-next-line" });
const callerLine = Decoration.line({ class: "cm-caller-line" });

const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setMarks)) continue;
      const doc = tr.state.doc;
      const byLine = new Map<number, Decoration>();
      const { ran, next } = e.value;
      next.forEach((line, i) => byLine.set(line, i === next.length - 1 ? nextLine : callerLine));
      if (ran > 0 && !byLine.has(ran)) byLine.set(ran, ranLine);
      const builder = new RangeSetBuilder<Decoration>();
      for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
        if (line < 1 || line > doc.lines) continue;
        builder.add(doc.line(line).from, doc.line(line).from, byLine.get(line)!);
      }
      value = builder.finish();
    }
    return value;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export class CodeView {
  readonly view: EditorView;

  constructor(parent: HTMLElement, text: string, editable: boolean, onChange?: (text: string) => void) {
    const extensions: Extension[] = [
      lineNumbers(),
      highlightActiveLineGutter(),
      drawSelection(),
      history(),
      indentOnInput(),
      bracketMatching(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      python(),
      marksField,
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      EditorView.lineWrapping,
    ];
    if (!editable) extensions.push(EditorState.readOnly.of(true), EditorView.editable.of(false));
    if (onChange !== undefined) {
      extensions.push(EditorView.updateListener.of((u) => {
        if (u.docChanged) onChange(u.state.doc.toString());
      }));
    }
    this.view = new EditorView({ parent, state: EditorState.create({ doc: text, extensions }) });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  setText(text: string): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  mark(marks: LineMarks): void {
    const effects = [setMarks.of(marks)];
    const line = marks.next.length > 0 ? marks.next[marks.next.length - 1]! : marks.ran;
    if (line >= 1 && line <= this.view.state.doc.lines) {
      const pos = this.view.state.doc.line(line).from;
      this.view.dispatch({ effects: [...effects, EditorView.scrollIntoView(pos, { y: "nearest" })] });
    } else {
      this.view.dispatch({ effects });
    }
  }
}
