import { LineIndex, eolOf } from '../text';

/** Any file seen as plain text: what secret detectors and suppression comments work on. */
export interface TextModel {
  readonly language: 'text';
  readonly text: string;
  readonly eol: string;
  readonly lines: LineIndex;
  /** The file name (last path segment), for detectors that only apply to some files. */
  readonly fileName: string;
}

export function parseText(text: string, uri: string, lines = new LineIndex(text)): TextModel {
  const fileName = decodeURIComponentSafe(uri.split(/[\\/]/).pop() ?? uri);
  return { language: 'text', text, eol: eolOf(text), lines, fileName };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
