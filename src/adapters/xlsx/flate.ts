/**
 * fflate's inflating and deflating, as the zip reader and writer use them. zip.ts loads this module only when a part
 * inflates or deflates without the host's codec (the browser, a part Node's zlib refuses, a write), so a check in Node
 * never loads fflate.
 */
export { Inflate, deflateSync, inflateSync } from "fflate";
