// Draws and encodes every demo image once and writes the results into src/demo/prepared/, which is
// shipped so that a first start needs no image encoding. Run after changing a demo image, the
// drawing code or the image processor's variants: `npm run demo:images`.
import { rmSync } from 'node:fs';
import { sharpImageProcessor } from '../src/adapters/images/sharp-image-processor.js';
import { demoSite } from '../src/demo/demo-site.js';
import { generateDemoImage } from '../src/demo/generate-image.js';
import { preparedImagesDir, writePreparedImage } from '../src/demo/prepared-images.js';

const dir = preparedImagesDir();
rmSync(dir, { recursive: true, force: true });
for (const [i, image] of demoSite.images.entries()) {
  console.log(`Encoding demo image ${i + 1}/${demoSite.images.length}: ${image.key}`);
  writePreparedImage(image, await sharpImageProcessor.process(await generateDemoImage(image)), dir);
}
console.log(`Wrote ${demoSite.images.length} demo images to ${dir}`);
