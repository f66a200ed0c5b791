// `npm run build` runs this: writes the config file's JSON Schema beside the built tool, for
// editors (a config names it in "$schema").
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configJsonSchema } from "./schema.js";

const out = fileURLToPath(new URL("../../translation-status.schema.json", import.meta.url));
writeFileSync(out, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
