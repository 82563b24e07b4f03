import { javascript } from '@codemirror/lang-javascript';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { tags } from '@lezer/highlight';
import { basicSetup, EditorView } from 'codemirror';

/** The history's own steps, for "Load the solution" (here, so that CodeMirror loads with the editor only). */
export { isolateHistory, undo } from '@codemirror/commands';

/** Code colours that read on both themes (each a light-dark() pair, like the site's). */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.moduleKeyword], color: 'light-dark(#a626a4, #d7a6ff)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'light-dark(#22863a, #8ce99a)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'light-dark(#b35c00, #ffc078)' },
  { tag: [tags.comment], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'light-dark(#1c5fd4, #91c3ff)' },
  { tag: [tags.propertyName], color: 'light-dark(#7a4b00, #ffd8a8)' },
]);

/**
 * The code editor: CodeMirror with JavaScript, in the site's colours (light
 * or dark follow the page). Tab is left to move the focus, so the keyboard
 * never gets stuck in it; indenting is Ctrl+] and Ctrl+[.
 */
export function createEditor(
  parent: HTMLElement,
  code: string,
  label: string,
  onChange: (code: string) => void,
  /** More of the editor's behaviour: a lesson's type checker, say. */
  more: Extension = [],
) {
  return new EditorView({
    parent,
    doc: code,
    extensions: [
      EditorView.updateListener.of((update) => update.docChanged && onChange(update.state.doc.toString())),
      basicSetup,
      javascript({ typescript: true }), // JavaScript is TypeScript without types: one mode fits both
      syntaxHighlighting(highlight),
      EditorView.lineWrapping,
      more,
      // tabindex: the editable area is focusable anyway; said outright, checkers see the scrolling box has a way in.
      EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
      EditorView.theme({
        '&': { backgroundColor: 'var(--bg)', color: 'var(--fg)', fontSize: '0.9rem' },
        '.cm-content': { caretColor: 'var(--fg)', fontFamily: 'var(--mono, ui-monospace, monospace)' },
        '.cm-gutters': { backgroundColor: 'var(--panel)', color: 'var(--muted)', borderRight: '1px solid var(--line)' },
        '.cm-activeLine, .cm-activeLineGutter': {
          backgroundColor: 'color-mix(in srgb, var(--accent, #36c) 8%, transparent)',
        },
        '&.cm-focused': { outline: '2px solid var(--accent, #36c)' },
      }),
    ],
  });
}
