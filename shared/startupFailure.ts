import type { Locale } from './locale.js';

/**
 * What a desk says when it cannot open its data, before any of the app's translations can load:
 * the Electron window's dialog and the browser host's page use these words.
 */
export const START_FAILURES = ['too_new', 'damaged', 'unreadable'] as const;
export type StartFailure = (typeof START_FAILURES)[number];

export const STARTUP_TEXT: Record<Locale, Record<StartFailure | 'restore' | 'restored' | 'noBackup' | 'title', string>> = {
  'zh-CN': {
    title: '安心台无法打开本机数据',
    too_new: '这台电脑上的数据是由更新版本的安心台写入的。为了不损坏数据，本版本不会打开它。请安装最新版本的安心台后再启动。',
    damaged: '本机的数据文件已损坏（可能是断电或磁盘故障）。为了不在损坏的文件上继续受理，安心台暂停使用。可以用最近一次自动备份恢复：损坏的文件会原样保留在旁边，供技术人员检查；备份之后受理的案件如果已同步到总部，会在下次同步时回来。',
    unreadable: '安心台打不开本机的数据文件，什么也没有改动。请联系管理员检查这台电脑的数据和备份。',
    restore: '用最近的备份恢复',
    restored: '已用备份恢复，正在重新打开…',
    noBackup: '没有找到可用的备份。请不要删除任何文件，联系管理员。',
  },
  'zh-TW': {
    title: '安心台無法開啟本機資料',
    too_new: '這台電腦上的資料是由較新版本的安心台寫入的。為了不損壞資料，本版本不會開啟它。請安裝最新版本的安心台後再啟動。',
    damaged: '本機的資料檔案已損壞（可能是斷電或磁碟故障）。為了不在損壞的檔案上繼續受理，安心台暫停使用。可以用最近一次自動備份還原：損壞的檔案會原樣保留在旁邊，供技術人員檢查；備份之後受理的案件如果已同步到總部，會在下次同步時回來。',
    unreadable: '安心台打不開本機的資料檔案，什麼也沒有改動。請聯絡管理員檢查這台電腦的資料和備份。',
    restore: '用最近的備份還原',
    restored: '已用備份還原，正在重新開啟…',
    noBackup: '沒有找到可用的備份。請不要刪除任何檔案，聯絡管理員。',
  },
  en: {
    title: 'CalmDesk cannot open the data on this computer',
    too_new: 'This data was written by a newer version of CalmDesk. To keep it safe, this version will not open it. Install the latest CalmDesk and start again.',
    damaged:
      'The data file on this computer is damaged (a power cut or a disk fault, perhaps). CalmDesk will not take cases on a damaged file. You can restore the newest automatic backup: the damaged file is kept beside it, untouched, for a technician; cases taken since that backup come back with the next sync if they reached HQ.',
    unreadable: 'CalmDesk cannot open the data on this computer; nothing was changed. Ask your administrator to check the data and its backups.',
    restore: 'Restore the newest backup',
    restored: 'Restored from the backup; opening again…',
    noBackup: 'No usable backup was found. Do not delete any file; call your administrator.',
  },
};

/** The default language and English together, for places that cannot ask which the person reads. */
export function startupFailureText(reason: StartFailure | null): string {
  const key = reason ?? 'unreadable';
  return `${STARTUP_TEXT['zh-CN'][key]}\n\n${STARTUP_TEXT.en[key]}`;
}

/** What a desk says while an open takes long (`OpeningProgress` in db/open.ts), again before the app's translations load. */
export const OPENING_TEXT: Record<Locale, Record<'title' | 'checking' | 'backingUp' | 'migrating' | 'rebuilding' | 'indexing' | 'keepOn', string>> = {
  'zh-CN': {
    title: '安心台正在打开本机数据',
    checking: '上次没有正常关闭，正在逐页检查数据文件是否完好。',
    backingUp: '安心台已更新，升级数据之前先完整备份一份。',
    migrating: '正在把数据升级到新版本的格式。',
    rebuilding: '安心台已更新，正在按新版本重新整理案件列表：已处理 {done} / {total} 条记录。',
    indexing: '正在重建索引和统计数字，马上就好。',
    keepOn: '请不要关闭电脑。完成后会自动进入安心台；已受理的案件都在，不会丢失。',
  },
  'zh-TW': {
    title: '安心台正在開啟本機資料',
    checking: '上次沒有正常關閉，正在逐頁檢查資料檔案是否完好。',
    backingUp: '安心台已更新，升級資料之前先完整備份一份。',
    migrating: '正在把資料升級到新版本的格式。',
    rebuilding: '安心台已更新，正在依新版本重新整理案件清單：已處理 {done} / {total} 筆紀錄。',
    indexing: '正在重建索引和統計數字，馬上就好。',
    keepOn: '請不要關閉電腦。完成後會自動進入安心台；已受理的案件都在，不會遺失。',
  },
  en: {
    title: 'CalmDesk is opening the data on this computer',
    checking: 'CalmDesk was not closed normally last time, so it is reading every page of the data file to make sure it is sound.',
    backingUp: 'CalmDesk was updated; before upgrading the data it keeps a full copy of it.',
    migrating: "Upgrading the data to the new version's format.",
    rebuilding: 'CalmDesk was updated and is rebuilding its case lists from the records: {done} of {total} records done.',
    indexing: 'Rebuilding the indexes and totals; almost done.',
    keepOn: 'Please keep the computer on. CalmDesk opens by itself when this is done; every case taken is safe.',
  },
};
