// `npm start` runs the tool on a demo site built from fixtures/site.json into .demo/.
import { fileURLToPath } from "node:url";
import { buildSite, loadSpec } from "./build-site.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const spec = loadSpec(`${root}fixtures/site.json`);
buildSite(spec, `${root}.demo`);
process.stdout.write("Built the demo site in .demo/ from fixtures/site.json\n");
