/** The built workbook worker (webpack.config.js: one script, as text); an empty module where a build has none. */
declare module "jixiao-workbook-worker" {
  const source: string | undefined;
  export default source;
}
