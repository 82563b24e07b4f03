interface ImportMetaEnv {
  /** Where the in-page server's script is served (`integrations/in-page-server.ts`). */
  readonly IN_PAGE_SERVER_SCRIPT: string;
}
