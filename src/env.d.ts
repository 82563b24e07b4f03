interface ImportMetaEnv {
  /** Where the in-page server's script is served (`integrations/in-page-server.ts`). */
  readonly IN_PAGE_SERVER_SCRIPT: string;
  /** Where the in-page test runner's script is served (the same integration). */
  readonly IN_PAGE_TEST_SCRIPT: string;
  /** Where the exercise editor's type checker (a worker) is served (`integrations/type-checker.ts`). */
  readonly TYPE_CHECKER_SCRIPT: string;
}
