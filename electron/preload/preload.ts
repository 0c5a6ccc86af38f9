import { contextBridge, ipcRenderer } from 'electron';
import { createDeskBridge } from './bridge.js';

contextBridge.exposeInMainWorld('desk', createDeskBridge(ipcRenderer));
