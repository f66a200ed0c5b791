// `npm start` runs the tool on a demo site built from fixtures/site.json into .demo/.
import { fileURLToPath } from "node:url";
import { ensureDemo } from "./demo-site.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
process.stdout.write(
  ensureDemo(root) === "built"
    ? "Built the demo site in .demo/ from fixtures/site.json\n"
    : "Using the demo site in .demo/ (rebuilt when fixtures/site.json changes; delete .demo/ to start over)\n",
);
