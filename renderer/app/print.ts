import type { ReceiptPaper } from '../../shared/settings.js';

/**
 * Page sizes for @page: office paper, or the counter's 80 mm roll. A roll has no page height and
 * CSS needs one: 297 mm holds any receipt, and receipt-printer drivers cut after the last line.
 */
const PAGE: Record<ReceiptPaper | 'record' | 'report', string> = {
  a4: 'size: A4; margin: 18mm',
  a5: 'size: A5; margin: 12mm',
  thermal80: 'size: 80mm 297mm; margin: 3mm 4mm',
  record: 'size: A4; margin: 15mm',
  report: 'size: A4; margin: 18mm',
};

/**
 * Prints one part of the page (the receipt, a case record) on its paper. The browser's print
 * dialog also saves as PDF; the body class limits the print CSS to the chosen part, and the page
 * rule sets the paper, so a receipt is one page whatever is on the screen behind it.
 */
export function printSection(kind: 'receipt' | 'record' | 'report', paper: ReceiptPaper = 'a4'): void {
  const className = `printing-${kind}`;
  const page = document.createElement('style');
  page.textContent = `@page { ${PAGE[kind === 'receipt' ? paper : kind]} }`;
  document.head.append(page);
  document.body.classList.add(className);
  const done = () => {
    document.body.classList.remove(className);
    page.remove();
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
