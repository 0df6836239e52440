export default defineBackground(() => {
  // Wired up by the page-adapter issue: registers the content script on enabled wikis.
});
