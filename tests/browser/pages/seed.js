// Puts many posts on this device's board at once, saved the way the app saves a board: the
// snapshot JSON deflated and packed 15 bits to a character behind a checksummed header (see
// src/store/frame.rs). Posts are copies of the first post of the schema-2 snapshot fixture,
// each with its own id, stamp and values, and all from another device.
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");
const { expect } = require("../support/fixtures");
const { words } = require("./words");
const { visit } = require("./circle");

const FIXTURE = path.join(__dirname, "../../fixtures/snapshot-v2.json");
const CATEGORIES = ["food", "meals", "rides", "childcare", "health", "housing", "supplies", "errands"];
const URGENCIES = ["today", "days", "week", "anytime"];
// Keys of the areas in public/config.json, so the seed fits a group that lists its areas.
const AREAS = ["riverside-north", "riverside-south", "old-market", "hillcrest"];

/**
 * The frame format of src/store/frame.rs:
 * `circle-z2:{deflated bytes}:{JSON bytes}:{fnv1a64 hex}:{packed raw deflate}`.
 */
function frame(json) {
  const bytes = Buffer.from(json, "utf8");
  const deflated = zlib.deflateRawSync(bytes, { level: 3 });
  let packed = "";
  let acc = 0;
  let bits = 0;
  for (const byte of deflated) {
    acc = (acc << 8) | byte;
    bits += 8;
    if (bits >= 15) {
      bits -= 15;
      packed += String.fromCharCode(0x3400 + ((acc >> bits) & 0x7fff));
      acc &= (1 << bits) - 1;
    }
  }
  if (bits > 0) packed += String.fromCharCode(0x3400 + ((acc << (15 - bits)) & 0x7fff));
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(packed, "utf8")) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n);
  }
  return `circle-z2:${deflated.length}:${bytes.length}:${hash.toString(16).padStart(16, "0")}:${packed}`;
}

/**
 * `count` posts, as a schema-2 board holds them by id. `make(i)` may return { title, kind,
 * category, area, urgency, details, contact, status } for post i; anything left out is varied by
 * index (every third post an offer, the others asks). A status other than "open" is reached the
 * way the app reaches it: a neighbour, Ana, changed it just after the post was made, and the
 * history says so.
 */
function seedPosts(count, make = () => ({})) {
  const [template] = Object.values(JSON.parse(fs.readFileSync(FIXTURE, "utf8")).board.posts);
  const posts = {};
  const now = Date.now();
  for (let i = 0; i < count; i += 1) {
    const spec = make(i) || {};
    const id = `1${i.toString(16).padStart(15, "0")}`;
    const author = spec.author || `Neighbour ${i}`;
    const created = `${(now - i * 60_000).toString(16)}.0.abc`;
    const changed = `${(now - i * 60_000 + 1).toString(16)}.0.def`;
    const status = spec.status || "open";
    const statusChange =
      status === "open"
        ? {}
        : {
            status,
            history: [
              { at: created, by: author, to: "open" },
              { at: changed, by: "Ana", to: status },
            ],
            stamps: { status: changed },
          };
    // Schema 2: every field stamped at `created`, so no `stamps`; no `history` is the opening one.
    const { stamps, history, private_note, until, ...fields } = template;
    posts[id] = {
      ...fields,
      id,
      created,
      kind: spec.kind || (i % 3 === 0 ? "offer" : "ask"),
      author,
      title: spec.title || `Post number ${i}`,
      details: spec.details || "",
      category: spec.category || CATEGORIES[i % CATEGORIES.length],
      area: spec.area || AREAS[i % AREAS.length],
      urgency: spec.urgency || URGENCIES[i % URGENCIES.length],
      contact: spec.contact || { method: "call", value: "+1 555 010 0100", visibility: "public" },
      status: "open",
      ...statusChange,
    };
  }
  return posts;
}

/** Seeds `count` posts (see `seedPosts`) on this device's board and opens the board. */
async function seedBoard(page, lang, count, make = () => ({})) {
  const saved = frame(JSON.stringify({ schema: 2, board: { posts: seedPosts(count, make) } }));
  // The key the app under this page's path saves its board under (src/store/scope.rs).
  const base = new URL(".", page.url()).pathname.replace(/\/$/, "");
  const key = base === "" ? "circle.board" : `circle@${base}#board`;
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [key, saved]);
  await visit(page, "");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words[lang].boardTitle);
}

/** A few posts a real board might hold, for screenshots and filter tests. */
const NEIGHBOURLY = {
  en: [
    { title: "Groceries for my grandmother this week", category: "food", area: "riverside-north", urgency: "days", kind: "ask" },
    { title: "Ride to the clinic on Thursday", category: "rides", area: "riverside-south", urgency: "week", kind: "ask" },
    { title: "Hot meals on Sundays", category: "meals", area: "old-market", urgency: "anytime", kind: "offer" },
    { title: "Insulin cooler bag needed today", category: "health", area: "hillcrest", urgency: "today", kind: "ask" },
    { title: "I can babysit after school", category: "childcare", area: "riverside-north", urgency: "anytime", kind: "offer" },
    { title: "Fans for the heat wave", category: "supplies", area: "riverside-south", urgency: "today", kind: "ask" },
  ],
  es: [
    { title: "Víveres para mi abuela esta semana", category: "food", area: "riverside-north", urgency: "days", kind: "ask" },
    { title: "Traslado a la clínica el jueves", category: "rides", area: "riverside-south", urgency: "week", kind: "ask" },
    { title: "Comida caliente los domingos", category: "meals", area: "old-market", urgency: "anytime", kind: "offer" },
    { title: "Hace falta una nevera para insulina hoy", category: "health", area: "hillcrest", urgency: "today", kind: "ask" },
    { title: "Puedo cuidar niños después de clase", category: "childcare", area: "riverside-north", urgency: "anytime", kind: "offer" },
    { title: "Ventiladores para la ola de calor", category: "supplies", area: "riverside-south", urgency: "today", kind: "ask" },
  ],
};

async function seedNeighbourly(page, lang) {
  const posts = NEIGHBOURLY[lang];
  await seedBoard(page, lang, posts.length, (i) => posts[i]);
}

module.exports = { seedBoard, seedPosts, seedNeighbourly, NEIGHBOURLY };
