import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import enUS from 'antd/locale/en_US';
import type { Locale } from '../../shared/locale.js';
import { useNav, type View } from './navStore.js';
import { useSettings } from './settingsStore.js';
import { useSession } from './sessionStore.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { SignInPage } from '../signin/SignInPage.js';
import { useLibrary } from '../guidance/libraryStore.js';
import { LibraryPage } from '../library/LibraryPage.js';
import { AlarmListener } from '../sla/AlarmListener.js';
import { SyncIndicator } from '../sync/SyncIndicator.js';
import { CatchUpProgress } from '../sla/CatchUpProgress.js';
import { deskHealth, onDesk } from '../desk/client.js';
import { errorText } from '../desk/errorText.js';
import { IntakePage } from '../intake/IntakePage.js';
import { QueuePage } from '../queue/QueuePage.js';
import { CasePage } from '../case/CasePage.js';
import { FollowUpPage } from '../followup/FollowUpPage.js';
import { SearchModal } from '../search/SearchModal.js';
import { ReportsPage } from '../reports/ReportsPage.js';
import { SettingsPage } from '../settings/SettingsPage.js';
import { JobsPage } from '../field/JobsPage.js';
import { WorkOrderPage } from '../field/WorkOrderPage.js';

const antdLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS } satisfies Record<Locale, unknown>;
const NAV: Array<View['name']> = ['intake', 'queue', 'followup', 'reports', 'library', 'settings', 'jobs'];
/** A technician's day is their visits: they land on them, with intake and the queue beside. */
const TECHNICIAN_NAV: Array<View['name']> = ['jobs', 'intake', 'queue', 'settings'];
// Notices and alarms below the top bar; constants, so App.useApp() keeps its identity across renders.
const MESSAGE_CONFIG = { top: 72 };
const NOTIFICATION_CONFIG = { placement: 'bottomRight' as const };
/** At a shared store counter a clerk's screen shows intake only: nothing of other customers. */
const COUNTER_NAV: Array<View['name']> = ['intake'];

function Page({ view }: { view: View }) {
  switch (view.name) {
    case 'intake':
      return <IntakePage />;
    case 'queue':
      return <QueuePage />;
    case 'case':
      return <CasePage id={view.id} />;
    case 'followup':
      return <FollowUpPage />;
    case 'reports':
      return <ReportsPage />;
    case 'library':
      return <LibraryPage />;
    case 'settings':
      return <SettingsPage />;
    case 'jobs':
      return <JobsPage />;
    case 'workOrder':
      return <WorkOrderPage caseId={view.caseId} workOrderId={view.workOrderId} />;
  }
}

export function App() {
  const { t } = useTranslation();
  const { settings, load } = useSettings();
  const { view, go } = useNav();
  const { staff, signOut } = useSession();
  const [loadError, setLoadError] = useState<unknown>(null);
  const [searching, setSearching] = useState(false);
  const answering = deskHealth((s) => s.answering);
  const counterOnly = settings?.counterMode === true && (staff?.role === 'clerk' || staff?.role === 'technician');
  const nav = counterOnly ? COUNTER_NAV : staff?.role === 'technician' ? TECHNICIAN_NAV : NAV;

  useEffect(() => {
    load().catch(setLoadError);
  }, [load]);

  // Whoever signs in at a shared counter starts at intake, not on the last person's screen.
  const loadLibrary = useLibrary((s) => s.load);
  useEffect(() => {
    if (!staff) return;
    go({ name: counterOnly ? 'intake' : staff.role === 'technician' ? 'jobs' : 'intake' });
    loadLibrary().catch(() => undefined);
    // Scripts, answers and lexicon published by HQ take effect as soon as a pull brings them.
    return onDesk('sync.done', ({ received }) => {
      if (received > 0) loadLibrary().catch(() => undefined);
    });
  }, [staff, go, loadLibrary, counterOnly]);

  // Search from anywhere: '/' outside a text field, or Ctrl+K anywhere (not at a shared counter).
  useEffect(() => {
    if (!staff || counterOnly) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable;
      if ((event.key === '/' && !typing && !event.ctrlKey && !event.altKey) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        setSearching(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [staff, counterOnly]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      // Switching the person at a shared counter: Alt+U signs out and shows who may sign in.
      if (event.code === 'KeyU') {
        event.preventDefault();
        void signOut();
        return;
      }
      const target = nav[Number(event.key) - 1];
      if (target) {
        event.preventDefault();
        go({ name: target } as View);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, signOut, nav]);

  if (loadError) return <Alert type="error" showIcon style={{ margin: 24 }} message={errorText(t, loadError)} />;
  if (!settings) return <Spin style={{ margin: 48 }} tip={t('common.loading')} />;

  const selected = view.name === 'case' ? 'queue' : view.name === 'workOrder' ? 'jobs' : view.name;
  return (
    <ConfigProvider locale={antdLocales[settings.locale]} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#2f7d6d', fontSize: 14 } }}>
      <AntApp message={MESSAGE_CONFIG} notification={NOTIFICATION_CONFIG}>
        {staff && <AlarmListener />}
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #eee', display: 'flex', alignItems: 'center', gap: 24 }}>
            <Typography.Title level={4} className="top-title" style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary" className="top-tagline">
              {t('app.tagline')}
            </Typography.Text>
            <Space style={{ marginLeft: 'auto' }} size="middle" className="top-right">
              <CatchUpProgress />
              <Typography.Text className="top-nowrap">{t('top.branchDevice', { branch: settings.branchCode, device: settings.deviceCode })}</Typography.Text>
              {staff && <SyncIndicator />}
              {staff && (
                <>
                  <Typography.Text data-testid="signed-in" className="top-nowrap top-person" title={staff.name}>
                    {t('top.staff', { name: staff.name, role: t(`role.${staff.role}`) })}
                  </Typography.Text>
                  <Button size="small" onClick={() => void signOut()}>
                    {t('top.switchUser')}
                  </Button>
                </>
              )}
              <LanguageSwitch />
            </Space>
          </Layout.Header>
          {!answering && <Alert type="error" banner showIcon message={t('top.deskNotAnswering')} data-testid="desk-not-answering" />}
          {!staff ? (
            <SignInPage />
          ) : (
          <Layout>
            <Layout.Sider width={230} theme="light" style={{ borderRight: '1px solid #eee' }}>
              <Menu
                mode="inline"
                selectedKeys={[selected]}
                onClick={({ key }) => go({ name: key } as View)}
                items={nav.map((name, index) => ({
                  key: name,
                  label: (
                    <span className="nav-item" title={t(`nav.${name}`)}>
                      <span className="nav-label">{t(`nav.${name}`)}</span>
                      <Typography.Text type="secondary" className="nav-key">
                        {t('nav.shortcut', { n: index + 1 })}
                      </Typography.Text>
                    </span>
                  ),
                }))}
              />
              {!counterOnly && (
                <Button type="text" block style={{ textAlign: 'left', marginTop: 8, color: '#666' }} onClick={() => setSearching(true)} data-testid="open-search">
                  {t('nav.searchHint')}
                </Button>
              )}
            </Layout.Sider>
            <Layout.Content style={{ padding: 24 }}>
              <Page view={view} />
              {searching && <SearchModal onClose={() => setSearching(false)} />}
            </Layout.Content>
          </Layout>
          )}
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
