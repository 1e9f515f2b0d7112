/** The URL of the pre-initialised PostgreSQL cluster shipped with the build (build-tools/pg-empty-cluster-plugin.ts). */
declare module 'virtual:pg-empty-cluster' {
  const url: string;
  export default url;
}

/** Each example's file name, title, notice and dialect (build-tools/example-entries-plugin.ts). */
declare module 'virtual:example-entries' {
  const entries: ReadonlyArray<{ file: string; title: string | null; notice: string | null; dialect: string | null }>;
  export default entries;
}
