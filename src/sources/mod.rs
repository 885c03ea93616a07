//! Codecs for what comes from or leaves the device: share links, snapshot files, spreadsheets.
