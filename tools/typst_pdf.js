// Compile a Typst file to PDF/UA-1 with npm @myriaddreamin/typst-ts-node-compiler 0.7.0
// (Typst 0.14.2): NODE_PATH=DIR/node_modules node tools/typst_pdf.js t.typ t.pdf
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const fs = require('fs');
const c = NodeCompiler.create({ workspace: process.cwd() });
const src = fs.readFileSync(process.argv[2], 'utf8');
const pdf = c.pdf({ mainFileContent: src }, { pdfStandard: 'ua-1' });
fs.writeFileSync(process.argv[3], pdf);
