// A small QR code encoder (ISO/IEC 18004), written for the printed handout: the permalink
// becomes a code a phone can scan. Byte mode (UTF-8), any error-correction level (M by
// default), versions 1-40, the mask with the lowest penalty. No dependencies, no DOM in the
// encoder itself; `qrSvg` draws the matrix as an SVG element built with the DOM (never markup).
//
//   encode(text, {ecl = 'M', minVersion = 1, maxVersion = 40, mask}) ->
//     {version, size, ecl, mask, modules: boolean[size][size]}   (true = dark)
//   qrSvg(text, {label, ...options}) -> <svg> with a 4-module quiet zone
//
// Throws a RangeError when the text does not fit in maxVersion. The tests compare the output
// with the reference encoder's matrices and read it back with an independent decoder.

const ECL = {
  // Format bits of each level (the standard's odd order) and its row in the tables below.
  L: { bits: 1, row: 0 },
  M: { bits: 0, row: 1 },
  Q: { bits: 3, row: 2 },
  H: { bits: 2, row: 3 },
};

// Error-correction codewords per block, by level row and version (index 0 unused).
const ECC_PER_BLOCK = [
  [-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
  [-1, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
  [-1, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28, 30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
];

// Number of error-correction blocks, by level row and version.
const BLOCKS = [
  [-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
  [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
  [-1, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
  [-1, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25, 25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
];

/** Modules that carry data and error correction (everything but the function patterns). */
export function rawDataModules(version) {
  let n = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const align = Math.floor(version / 7) + 2;
    n -= (25 * align - 10) * align - 55;
    if (version >= 7) n -= 36;
  }
  return n;
}

/** Data codewords (bytes) a version holds at a level, after error correction. */
export function dataCodewords(version, ecl = 'M') {
  const row = ECL[ecl].row;
  return Math.floor(rawDataModules(version) / 8) - ECC_PER_BLOCK[row][version] * BLOCKS[row][version];
}

/** Centre coordinates of the alignment patterns of a version. */
export function alignmentPositions(version) {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const size = version * 4 + 17;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  const out = [6];
  for (let pos = size - 7; out.length < count; pos -= step) out.splice(1, 0, pos);
  return out;
}

// ---- Reed-Solomon over GF(256) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 --------------

function gfMul(x, y) {
  let z = 0;
  for (let i = 7; i >= 0; i -= 1) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z & 0xff;
}

function rsDivisor(degree) {
  const result = new Array(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i += 1) {
    for (let j = 0; j < degree; j += 1) {
      result[j] = gfMul(result[j], root);
      if (j + 1 < degree) result[j] ^= result[j + 1];
    }
    root = gfMul(root, 0x02);
  }
  return result;
}

function rsRemainder(data, divisor) {
  const result = divisor.map(() => 0);
  for (const b of data) {
    const factor = b ^ result.shift();
    result.push(0);
    divisor.forEach((coef, i) => {
      result[i] ^= gfMul(coef, factor);
    });
  }
  return result;
}

// ---- Encoding ------------------------------------------------------------------------------

function utf8(text) {
  return Array.from(new TextEncoder().encode(String(text)));
}

function countBits(version) {
  return version <= 9 ? 8 : 16; // byte mode
}

/** Splits the data into blocks, adds error correction and interleaves the codewords. */
function addEcc(data, version, row) {
  const numBlocks = BLOCKS[row][version];
  const eccLen = ECC_PER_BLOCK[row][version];
  const rawCodewords = Math.floor(rawDataModules(version) / 8);
  const numShort = numBlocks - (rawCodewords % numBlocks);
  const shortLen = Math.floor(rawCodewords / numBlocks);
  const divisor = rsDivisor(eccLen);
  const blocks = [];
  for (let i = 0, k = 0; i < numBlocks; i += 1) {
    const dataLen = shortLen - eccLen + (i < numShort ? 0 : 1);
    const chunk = data.slice(k, k + dataLen);
    k += dataLen;
    const ecc = rsRemainder(chunk, divisor);
    if (i < numShort) chunk.push(0); // a placeholder so every block has the same length
    blocks.push(chunk.concat(ecc));
  }
  const out = [];
  for (let i = 0; i < blocks[0].length; i += 1) {
    blocks.forEach((block, j) => {
      if (i !== shortLen - eccLen || j >= numShort) out.push(block[i]);
    });
  }
  return out;
}

function buildCodewords(bytes, version, ecl) {
  const capacityBits = dataCodewords(version, ecl) * 8;
  const bits = [];
  const put = (value, length) => {
    for (let i = length - 1; i >= 0; i -= 1) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, countBits(version));
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacityBits - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  for (let pad = 0xec; bits.length < capacityBits; pad ^= 0xec ^ 0x11) put(pad, 8);
  const data = [];
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  return addEcc(data, version, ECL[ecl].row);
}

// ---- The matrix ----------------------------------------------------------------------------

function blankMatrix(size) {
  return Array.from({ length: size }, () => new Array(size).fill(false));
}

function drawFunctionPatterns(version, size, modules, isFunction) {
  const set = (x, y, dark) => {
    modules[y][x] = dark;
    isFunction[y][x] = true;
  };
  for (let i = 0; i < size; i += 1) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  const finder = (cx, cy) => {
    for (let dy = -4; dy <= 4; dy += 1) {
      for (let dx = -4; dx <= 4; dx += 1) {
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        const x = cx + dx;
        const y = cy + dy;
        if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, d !== 2 && d !== 4);
      }
    }
  };
  finder(3, 3);
  finder(size - 4, 3);
  finder(3, size - 4);
  const align = alignmentPositions(version);
  const n = align.length;
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      if ((i === 0 && j === 0) || (i === 0 && j === n - 1) || (i === n - 1 && j === 0)) continue;
      for (let dy = -2; dy <= 2; dy += 1) {
        for (let dx = -2; dx <= 2; dx += 1) set(align[i] + dx, align[j] + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }
  }
  drawFormatBits(size, modules, isFunction, 0, 0); // reserve the area; real bits come later
  if (version >= 7) {
    let rem = version;
    for (let i = 0; i < 12; i += 1) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (version << 12) | rem;
    for (let i = 0; i < 18; i += 1) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      set(a, b, dark);
      set(b, a, dark);
    }
  }
}

/** The 15 format bits for a level and mask (BCH code, XOR-masked). */
export function formatBits(ecl, mask) {
  const data = (ECL[ecl].bits << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i += 1) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
}

function drawFormatBits(size, modules, isFunction, bits) {
  const set = (x, y, dark) => {
    modules[y][x] = dark;
    isFunction[y][x] = true;
  };
  const bit = (i) => ((bits >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i += 1) set(8, i, bit(i));
  set(8, 7, bit(6));
  set(8, 8, bit(7));
  set(7, 8, bit(8));
  for (let i = 9; i < 15; i += 1) set(14 - i, 8, bit(i));
  for (let i = 0; i < 8; i += 1) set(size - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i += 1) set(8, size - 15 + i, bit(i));
  set(8, size - 8, true); // the dark module
}

function drawCodewords(codewords, size, modules, isFunction) {
  let i = 0;
  const total = codewords.length * 8;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let vert = 0; vert < size; vert += 1) {
      for (let j = 0; j < 2; j += 1) {
        const x = right - j;
        const upward = ((right + 1) & 2) === 0;
        const y = upward ? size - 1 - vert : vert;
        if (!isFunction[y][x] && i < total) {
          modules[y][x] = ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
          i += 1;
        }
      }
    }
  }
}

const MASKS = [
  (x, y) => (x + y) % 2 === 0,
  (x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

/** The data mask `k` as a predicate of (x, y), for the tests' decoder. */
export function maskFunction(k) {
  return MASKS[k];
}

function applyMask(mask, size, modules, isFunction) {
  const f = MASKS[mask];
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) if (!isFunction[y][x] && f(x, y)) modules[y][x] = !modules[y][x];
  }
}

/** The standard's penalty score of a finished matrix (lower is easier to scan). */
export function penalty(modules) {
  const size = modules.length;
  let score = 0;
  const line = (get) => {
    // Runs of five or more modules of one colour, and finder-like 1:1:3:1:1 patterns with
    // four light modules on one side (outside the symbol counts as light).
    let run = 1;
    for (let i = 1; i <= size; i += 1) {
      if (i < size && get(i) === get(i - 1)) run += 1;
      else {
        if (run >= 5) score += 3 + (run - 5);
        run = 1;
      }
    }
    const at = (i) => (i < 0 || i >= size ? false : get(i));
    const core = [true, false, true, true, true, false, true];
    for (let i = 0; i + 7 <= size; i += 1) {
      if (!core.every((c, k) => at(i + k) === c)) continue;
      const lightBefore = [1, 2, 3, 4].every((k) => !at(i - k));
      const lightAfter = [0, 1, 2, 3].every((k) => !at(i + 7 + k));
      if (lightBefore) score += 40;
      if (lightAfter) score += 40;
    }
  };
  for (let y = 0; y < size; y += 1) line((x) => modules[y][x]);
  for (let x = 0; x < size; x += 1) line((y) => modules[y][x]);
  for (let y = 0; y + 1 < size; y += 1) {
    for (let x = 0; x + 1 < size; x += 1) {
      const c = modules[y][x];
      if (c === modules[y][x + 1] && c === modules[y + 1][x] && c === modules[y + 1][x + 1]) score += 3;
    }
  }
  let dark = 0;
  for (const row of modules) for (const m of row) if (m) dark += 1;
  const total = size * size;
  const k = Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1;
  score += Math.max(0, k) * 10;
  return score;
}

/**
 * Encodes `text` (UTF-8, byte mode) into the smallest version that holds it. Options: `ecl`
 * ('L', 'M', 'Q', 'H'; default 'M'), `minVersion`/`maxVersion` (1-40) and `mask` (0-7 to
 * force one; otherwise the lowest penalty wins).
 */
export function encode(text, { ecl = 'M', minVersion = 1, maxVersion = 40, mask } = {}) {
  if (!ECL[ecl]) throw new RangeError(`unknown error-correction level '${ecl}' (allowed: L, M, Q, H)`);
  if (!(Number.isInteger(minVersion) && Number.isInteger(maxVersion) && minVersion >= 1 && maxVersion <= 40 && minVersion <= maxVersion)) {
    throw new RangeError('versions must be whole numbers with 1 <= minVersion <= maxVersion <= 40');
  }
  if (mask !== undefined && !(Number.isInteger(mask) && mask >= 0 && mask <= 7)) {
    throw new RangeError('mask must be a whole number from 0 to 7');
  }
  const bytes = utf8(text);
  let version = minVersion;
  while (version <= maxVersion && 4 + countBits(version) + bytes.length * 8 > dataCodewords(version, ecl) * 8) version += 1;
  if (version > maxVersion) {
    throw new RangeError(`the text is too long for a QR code of version ${maxVersion} (${bytes.length} bytes)`);
  }
  const size = version * 4 + 17;
  const codewords = buildCodewords(bytes, version, ecl);
  const base = blankMatrix(size);
  const isFunction = blankMatrix(size);
  drawFunctionPatterns(version, size, base, isFunction);
  drawCodewords(codewords, size, base, isFunction);

  const attempt = (k) => {
    const modules = base.map((row) => row.slice());
    applyMask(k, size, modules, isFunction);
    drawFormatBits(size, modules, isFunction, formatBits(ecl, k));
    return modules;
  };
  let best = null;
  for (const k of mask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [mask]) {
    const modules = attempt(k);
    const score = mask === undefined ? penalty(modules) : 0;
    if (!best || score < best.score) best = { modules, mask: k, score };
  }
  return { version, size, ecl, mask: best.mask, modules: best.modules };
}

/**
 * The QR code of `text` as an <svg> element: one path of dark modules on a white square with
 * a four-module quiet zone, crisp at any size. `label` becomes its accessible name.
 */
export function qrSvg(text, { label = '', ...options } = {}) {
  const { size, modules, version } = encode(text, options);
  const NS = 'http://www.w3.org/2000/svg';
  const full = size + 8;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${full} ${full}`);
  svg.setAttribute('class', 'qr');
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.dataset.version = String(version);
  svg.dataset.size = String(size);
  if (label) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  } else {
    svg.setAttribute('aria-hidden', 'true');
  }
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', String(full));
  bg.setAttribute('height', String(full));
  bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(NS, 'path');
  let d = '';
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      if (!modules[y][x]) continue;
      // Merge horizontal runs into one rectangle each.
      let w = 1;
      while (x + w < size && modules[y][x + w]) w += 1;
      d += `M${x + 4} ${y + 4}h${w}v1h-${w}z`;
      x += w - 1;
    }
  }
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}
