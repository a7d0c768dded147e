import * as os from 'node:os';
import * as path from 'node:path';

/** The platform's per-user cache folder + `/bulwark` (XDG_CACHE_HOME, ~/Library/Caches, %LOCALAPPDATA%). */
export function platformCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'bulwark', 'cache');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'bulwark');
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'bulwark');
}
