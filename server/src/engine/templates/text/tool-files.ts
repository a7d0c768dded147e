import type { TextModel } from '../../parsers/text';
import type { RegexCompiler, SafeRegex } from '../../safe-regex';
import type { JsonSchema } from '../template';
import { assignmentAt, type Assignment, type ScanOptions } from './assignment-scan';

// Tools' own credential files, as data: a file name, the key that holds the secret there, and the words to
// find it by. Some tools name their secret by a bare `key` that names nothing elsewhere (`~/.kaggle/kaggle.json`
// `"key"`, Copernicus `~/.cdsapirc` `key:`): only the file's name says it is the credential. One table in the
// pack rather than code per tool; the value still passes the rule's literal filters.

export interface ToolFileSpec {
  /** RE2 pattern on the file name. */
  readonly files: string;
  /** RE2 pattern on the key that holds the secret in such a file. */
  readonly keys: string;
  /** Case-insensitive literals that find the key (looked for in those files only). */
  readonly keywords: readonly string[];
}

export const TOOL_FILES_SCHEMA: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['files', 'keys', 'keywords'],
    additionalProperties: false,
    properties: {
      files: { type: 'string', minLength: 1 },
      keys: { type: 'string', minLength: 1 },
      keywords: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
  },
};

interface ToolFile {
  readonly files: SafeRegex;
  readonly keys: SafeRegex;
  readonly keywords: readonly string[];
}

/** The assignments of a tool file's secret keys in this file (none when the file is no tool's). */
export type ToolFileScan = (model: TextModel, options: ScanOptions) => Assignment[];

export function compileToolFiles(specs: readonly ToolFileSpec[], regex: RegexCompiler): ToolFileScan {
  const tools: readonly ToolFile[] = specs.map((s) => ({ files: regex(s.files), keys: regex(s.keys), keywords: s.keywords.map((k) => k.toLowerCase()) }));
  return (model, options) => {
    const found: Assignment[] = [];
    for (const tool of tools) {
      if (!model.memoFact(`tool\u0000${tool.files.source}`, () => tool.files.test(model.fileName))) continue;
      let lastValueEnd = -1;
      for (const hit of model.keywordOffsets(tool.keywords)) {
        if (hit < lastValueEnd) continue;
        const line = model.lines.lineOf(hit);
        const a = assignmentAt(model.text, hit, model.lines.lineStart(line), model.lines.lineEnd(line), { ...options, unquotedValues: true });
        if (!a || !tool.keys.test(a.key)) continue;
        lastValueEnd = a.valueSpan.end;
        found.push(a);
      }
    }
    return found;
  };
}
