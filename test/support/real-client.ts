// Real clients (Neovim, code-server + Chromium) are installed by .ci/run. On a developer machine without
// them their tests skip and say why; in CI (BULWARK_REQUIRE_REAL_CLIENTS=1) a missing client is a failure,
// so a broken install step cannot turn the real-client tests into silent skips.

export function skipUnlessRequired(ctx: Mocha.Context, reason: string): never {
  if (process.env.BULWARK_REQUIRE_REAL_CLIENTS === '1') {
    throw new Error(`${reason} (BULWARK_REQUIRE_REAL_CLIENTS=1: real clients are required here)`);
  }
  console.log(`      skipped: ${reason}`);
  return ctx.skip();
}
