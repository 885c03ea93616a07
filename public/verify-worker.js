// Checks Ed25519 signatures with the browser's own Web Crypto, away from the page's thread, so
// a 10,000-post import is checked on every core the phone has while the page stays responsive.
// The app (src/ui/signatures.rs) splits one import's checks among a few of these workers.
// It sends: keys (raw 32-byte public keys), and for each check the index of its key, its 64-byte
// signature (all in one array) and the end of its message in one array of all the messages.
// It gets back one byte a check: 1 if the signature holds, 0 if not; or null when this browser
// cannot check Ed25519 here, and the app then checks with its own Ed25519.

// RFC 8032's first test key: a browser that cannot import it has no Ed25519.
const KNOWN_GOOD_KEY = new Uint8Array([
  0xd7, 0x5a, 0x98, 0x01, 0x82, 0xb1, 0x0a, 0xb7, 0xd5, 0x4b, 0xfe, 0xd3, 0xc9, 0x64, 0x07, 0x3a,
  0x0e, 0xe1, 0x72, 0xf3, 0xda, 0xa6, 0x23, 0x25, 0xaf, 0x02, 0x1a, 0x68, 0xf7, 0x07, 0x51, 0x1a,
]);

onmessage = async ({ data }) => {
  try {
    await crypto.subtle.importKey("raw", KNOWN_GOOD_KEY, "Ed25519", false, ["verify"]);
    const verdicts = await check(data);
    postMessage(verdicts, [verdicts.buffer]);
  } catch {
    postMessage(null);
  }
};

async function check({ keys, keyIndex, signatures, messages, ends }) {
  const imported = await Promise.all(
    keys.map((raw) => crypto.subtle.importKey("raw", raw, "Ed25519", false, ["verify"]).catch(() => null)),
  );
  const verdicts = new Uint8Array(keyIndex.length);
  const pending = [];
  let start = 0;
  for (let i = 0; i < keyIndex.length; i += 1) {
    const key = imported[keyIndex[i]];
    const message = messages.subarray(start, ends[i]);
    start = ends[i];
    if (!key) continue;
    const signature = signatures.subarray(i * 64, i * 64 + 64);
    pending.push(crypto.subtle.verify("Ed25519", key, signature, message).then(
      (holds) => { verdicts[i] = holds ? 1 : 0; },
      () => { verdicts[i] = 0; },
    ));
  }
  await Promise.all(pending);
  return verdicts;
}
