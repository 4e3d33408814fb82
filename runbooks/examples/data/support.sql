-- The support desk database of composed_scan.yaml: made-up people, example.com addresses.
-- runbooks/examples/data/support.sqlite is this script run by SQLite; to make it again:
--   python3 -c "import sqlite3; sqlite3.connect('runbooks/examples/data/support.sqlite').executescript(open('runbooks/examples/data/support.sql').read())"
CREATE TABLE agents (
  id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  work_email TEXT NOT NULL
);
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  customer_name TEXT NOT NULL,
  customer_email TEXT,
  phone TEXT,
  subject TEXT NOT NULL,
  created_at TEXT NOT NULL,
  agent_id INTEGER REFERENCES agents(id)
);
CREATE TABLE canned_replies (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
INSERT INTO agents VALUES
  (1, 'Maria Keller', 'maria.keller@example.com'),
  (2, 'Tom Brandt', 'tom.brandt@example.com');
INSERT INTO tickets VALUES
  (1, 'Anna Schmidt', 'anna.schmidt@example.org', '+49 30 901820', 'Refund for order 1042', '2026-10-02', 1),
  (2, 'Lukas Weber', 'lukas.weber@example.org', '+44 20 7946 0321', 'Change of address', '2026-10-05', 2),
  (3, 'Sofia Rossi', 'sofia.rossi@example.org', NULL, 'Delete my account', '2026-10-09', 1);
INSERT INTO canned_replies VALUES
  (1, 'Refund', 'Your refund is on its way.'),
  (2, 'Erasure', 'Your account and its data will be deleted within 30 days.');
