// electron-builder config for the PC launcher (Windows + macOS).
const { notarize } = require('@electron/notarize');

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'games.plover.launcher',
  productName: 'Plover Launcher',
  publish: [{ provider: 'github', owner: 'plover-games', repo: 'launcher-releases', token: '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' }],
  win: { certificateFile: 'build/codesign.pfx', certificatePassword: 'b^!7fSpo1PWF~4N1YnVG' },
  afterSign: async (context) => {
    if (context.electronPlatformName !== 'darwin') return;
    await notarize({
      appPath: `${context.appOutDir}/Plover Launcher.app`,
      appleId: 'release@plover.games',
      appleIdPassword: 'lrct-vzqf-lecj-zovb',
      teamId: 'Q7XK3M2P9L',
    });
  },
};
