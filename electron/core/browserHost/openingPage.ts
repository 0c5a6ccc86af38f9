import type { OpeningProgress } from '../../../db/open.js';
import type { Locale } from '../../../shared/locale.js';
import { OPENING_TEXT } from '../../../shared/startupFailure.js';
import { escapeHtml, plainPage } from './plainPage.js';

/** The sentence for where an open is, numbers written the reader's way. */
export function openingLine(locale: Locale, progress: OpeningProgress): string {
  const number = (n: number) => n.toLocaleString(locale);
  return OPENING_TEXT[locale][progress.stage].replace('{done}', number(progress.done)).replace('{total}', number(progress.total));
}

/**
 * The page shown while the desk's data takes long to open. A live page (the browser host's) asks its
 * host how far the open is twice a second and goes to the desk once the desk's own host answers on the
 * same address; Electron's opening window runs no script and is drawn again instead.
 */
export function openingPage(locale: Locale, progress: OpeningProgress, live: boolean): string {
  const text = OPENING_TEXT[locale];
  const fraction = progress.total > 0 ? progress.done / progress.total : null;
  return plainPage(
    locale,
    text.title,
    `<p id="stage" role="status">${escapeHtml(openingLine(locale, progress))}</p>
<progress id="bar" max="1"${fraction === null ? '' : ` value="${fraction}"`}></progress>
<p>${escapeHtml(text.keepOn)}</p>${live ? `
<script>
const lines = ${JSON.stringify(text)};
const show = (p) => {
  document.getElementById('stage').textContent = lines[p.stage].replace('{done}', p.done.toLocaleString(${JSON.stringify(locale)})).replace('{total}', p.total.toLocaleString(${JSON.stringify(locale)}));
  const bar = document.getElementById('bar');
  if (p.total > 0) bar.value = p.done / p.total; else bar.removeAttribute('value');
};
(async () => {
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    // The desk's own host answers this address with its app, not JSON: then it is time to go there.
    const progress = await fetch('/api/opening', { cache: 'no-store' }).then((r) => r.json()).catch(() => null);
    if (progress && lines[progress.stage]) { show(progress); continue; }
    const probe = await fetch('/', { cache: 'no-store' }).catch(() => null);
    if (probe && probe.ok) return location.reload();
  }
})();
</script>` : ''}`,
  );
}

