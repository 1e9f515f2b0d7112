/** The URL of the pre-initialised PostgreSQL cluster shipped with the build (build-tools/pg-empty-cluster-plugin.ts). */
declare module 'virtual:pg-empty-cluster' {
  const url: string;
  export default url;
}
