//! Saving a board in browser storage without ever losing the last good copy.
