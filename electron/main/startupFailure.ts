import type { StartFailure } from '../core/workerProtocol.js';

/**
 * What the desktop window says when the desk cannot open its data. Main has no translations of
 * its own, so the message carries the default language and English together.
 */
const TEXT: Record<StartFailure, string> = {
  too_new:
    '这台电脑上的数据是由更新版本的安心台写入的。为了不损坏数据，本版本不会打开它。请安装最新版本的安心台后再启动。\n\nThis data was written by a newer version of CalmDesk. To keep it safe, this version will not open it. Install the latest CalmDesk and start again.',
  unreadable:
    '安心台打不开本机的数据文件，什么也没有改动。请联系管理员检查这台电脑的数据和备份。\n\nCalmDesk cannot open the data on this computer; nothing was changed. Ask your administrator to check the data and its backups.',
};

export function startupFailureText(reason: StartFailure | null): string {
  return TEXT[reason ?? 'unreadable'];
}
