// In-app navigation through the router library (react-router): pages call `navigate(to)`; the router
// instance registers itself here so this module does not import the page tree.
type Navigator = (to: string) => void;
let navigator: Navigator = (to) => location.assign(to);

export function setNavigator(fn: Navigator): void {
  navigator = fn;
}

export function navigate(to: string): void {
  navigator(to);
  window.scrollTo(0, 0);
}
