/** Menu: Open scorecard sidebar. Shows dist/sidebar.html, the one self-contained page the build inlines. */
export const SIDEBAR_TITLE = 'Trust Rebuild';

export function openSidebar(): void {
  const html =
    HtmlService.createHtmlOutputFromFile('sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
