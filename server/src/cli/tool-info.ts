import packageJson from '../../../package.json';

// Bundled into dist/cli.js at build time, so the CLI never looks for package.json at run time.
const manifest: { readonly version: string; readonly homepage?: unknown } = packageJson;

export const TOOL_NAME = 'Bulwark';
export const TOOL_VERSION: string = manifest.version;
/** Only a real project page; SARIF leaves informationUri out rather than invent one. */
export const TOOL_INFORMATION_URI: string | undefined = typeof manifest.homepage === 'string' && /^https:\/\//.test(manifest.homepage) ? manifest.homepage : undefined;
