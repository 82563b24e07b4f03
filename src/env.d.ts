interface ImportMetaEnv {
  /** Where the in-page server's script is served (`integrations/in-page-server.ts`). */
  readonly IN_PAGE_SERVER_SCRIPT: string;
  /** Where the in-page test runner's script is served (the same integration). */
  readonly IN_PAGE_TEST_SCRIPT: string;
}
