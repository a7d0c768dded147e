import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { OciLayout, requireSkopeo, skopeoCopy } from './oci-images';
import { freePort, requireRegistry, startRegistry, type RunningRegistry } from './registry';

// The real docker-registry on loopback with the images the digest tests pin: two small images (one
// copied as an OCI manifest, one converted by skopeo to a Docker v2 manifest) and an OCI index of the
// two as linux/amd64 and linux/arm64.

export interface ImageRegistry {
  readonly registry: RunningRegistry;
  /** `<host>/base/node:20-slim`: an OCI image manifest. */
  readonly node: string;
  /** `<host>/apps/tool:1.0`: a Docker v2 manifest (skopeo --format v2s2). */
  readonly tool: string;
  /** `<host>/base/multi:1`: an OCI index of two platforms. */
  readonly multi: string;
  /** A port on loopback where nothing listens: `<host>/x/y:1` there is unreachable. */
  readonly deadHost: string;
  stop(): Promise<void>;
}

/** For a mocha `before`: skips (or fails under BULWARK_REQUIRE_REAL_CLIENTS=1) without the registry or skopeo. */
export async function startImageRegistry(ctx: Mocha.Context): Promise<ImageRegistry> {
  requireRegistry(ctx);
  requireSkopeo(ctx);
  const registry = await startRegistry();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bulwark-images-'));
  try {
    const layout = new OciLayout(path.join(work, 'layout'));
    const a = layout.addImage('node', 'image a: node 20 slim\n', 'amd64');
    const b = layout.addImage('tool', 'image b: a tool\n', 'arm64');
    layout.addIndex('multi', [a, b]);
    const node = `${registry.host}/base/node:20-slim`;
    const tool = `${registry.host}/apps/tool:1.0`;
    const multi = `${registry.host}/base/multi:1`;
    skopeoCopy(layout, 'node', node, ['--preserve-digests']);
    skopeoCopy(layout, 'tool', tool, ['--format', 'v2s2']);
    skopeoCopy(layout, 'multi', multi, ['--all', '--preserve-digests']);
    const deadHost = `127.0.0.1:${await freePort()}`;
    return {
      registry,
      node,
      tool,
      multi,
      deadHost,
      stop: async () => {
        fs.rmSync(work, { recursive: true, force: true });
        await registry.stop();
      },
    };
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    await registry.stop();
    throw error;
  }
}
