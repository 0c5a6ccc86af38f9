/**
 * Prints one part of the page (the receipt, a case record). The browser's print dialog also
 * saves as PDF; the class limits the print CSS to the chosen part.
 */
export function printSection(kind: 'receipt' | 'record'): void {
  const className = `printing-${kind}`;
  document.body.classList.add(className);
  const done = () => {
    document.body.classList.remove(className);
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
