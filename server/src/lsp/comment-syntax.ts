// Which line comment a file takes, so a suppression directive can be inserted as a real comment.

export interface CommentSyntax {
  readonly open: string;
  /** Closing token for block-only languages (CSS, HTML); empty for line comments. */
  readonly close: string;
}

const HASH: CommentSyntax = { open: '#', close: '' };
const SLASHES: CommentSyntax = { open: '//', close: '' };
const DASHES: CommentSyntax = { open: '--', close: '' };
const SLASH_STAR: CommentSyntax = { open: '/*', close: ' */' };
const ANGLE: CommentSyntax = { open: '<!--', close: ' -->' };

// Maps: language ids and extensions come from the client and the file name (`constructor.toString`).
const BY_LANGUAGE_ID: ReadonlyMap<string, CommentSyntax> = new Map(Object.entries({
  dockerfile: HASH, yaml: HASH, helm: HASH, shellscript: HASH, python: HASH, dotenv: HASH, toml: HASH,
  properties: HASH, ini: HASH, ruby: HASH, perl: HASH, r: HASH, makefile: HASH, terraform: HASH, hcl: HASH,
  powershell: HASH, elixir: HASH, julia: HASH, nix: HASH, ignore: HASH, dockercompose: HASH, 'github-actions-workflow': HASH,
  javascript: SLASHES, typescript: SLASHES, javascriptreact: SLASHES, typescriptreact: SLASHES, go: SLASHES,
  java: SLASHES, c: SLASHES, cpp: SLASHES, csharp: SLASHES, rust: SLASHES, kotlin: SLASHES, swift: SLASHES,
  scala: SLASHES, php: SLASHES, dart: SLASHES, groovy: SLASHES, jsonc: SLASHES, 'objective-c': SLASHES,
  fsharp: SLASHES, proto: SLASHES, proto3: SLASHES, zig: SLASHES, scss: SLASHES, less: SLASHES,
  sql: DASHES, lua: DASHES, haskell: DASHES,
  css: SLASH_STAR,
  html: ANGLE, xml: ANGLE, markdown: ANGLE, svg: ANGLE, vue: ANGLE,
}));

const EXTENSION_LANGUAGE: ReadonlyMap<string, string> = new Map(Object.entries({
  yml: 'yaml', yaml: 'yaml', sh: 'shellscript', bash: 'shellscript', zsh: 'shellscript', py: 'python', toml: 'toml',
  properties: 'properties', ini: 'ini', cfg: 'ini', conf: 'ini', rb: 'ruby', pl: 'perl', r: 'r', tf: 'terraform',
  hcl: 'hcl', ps1: 'powershell', ex: 'elixir', exs: 'elixir', nix: 'nix', dockerfile: 'dockerfile',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', ts: 'typescript', mts: 'typescript', cts: 'typescript',
  jsx: 'javascriptreact', tsx: 'typescriptreact', go: 'go', java: 'java', c: 'c', h: 'c', cc: 'cpp', cpp: 'cpp',
  hpp: 'cpp', cs: 'csharp', rs: 'rust', kt: 'kotlin', kts: 'kotlin', swift: 'swift', scala: 'scala', php: 'php',
  dart: 'dart', groovy: 'groovy', gradle: 'groovy', jsonc: 'jsonc', m: 'objective-c', fs: 'fsharp', proto: 'proto',
  zig: 'zig', scss: 'scss', less: 'less', sql: 'sql', lua: 'lua', hs: 'haskell', css: 'css', html: 'html',
  htm: 'html', xml: 'xml', md: 'markdown', svg: 'svg', vue: 'vue', env: 'dotenv',
}));

/** Undefined when the file takes no comments (JSON, plain text): no suppression can be offered. */
export function commentSyntaxFor(languageId: string | undefined, uri: string): CommentSyntax | undefined {
  const byId = languageId ? BY_LANGUAGE_ID.get(languageId) : undefined;
  if (byId) return byId;
  const name = (uri.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (/^(?:dockerfile|containerfile)(?:[.-].*)?$/.test(name) || /^\.env(?:\..*)?$/.test(name) || name === 'makefile') return HASH;
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  const language = EXTENSION_LANGUAGE.get(ext);
  return language ? BY_LANGUAGE_ID.get(language) : undefined;
}
