// electron-builder afterPack hook (release machine only): flips Electron's fuses in the packaged
// binary so the shipped app cannot be turned into a Node runtime or debugged from the outside.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The fuse settings for a platform; exported so a test can read them without the Electron binary. */
function fusesFor(platform) {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: false,
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // electron-builder records the asar's integrity on macOS and Windows only.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'darwin' || platform === 'win32',
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

async function afterPack(context) {
  const platform = context.electronPlatformName;
  const name = context.packager.appInfo.productFilename;
  const binary =
    platform === 'darwin'
      ? path.join(context.appOutDir, `${name}.app`)
      : path.join(context.appOutDir, platform === 'win32' ? `${name}.exe` : context.packager.executableName);
  await flipFuses(binary, fusesFor(platform));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fusesFor = fusesFor;
