/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: comma-separated, fields optionally in double quotes, a quote inside a quoted field
 * doubled, line breaks allowed inside quotes) one at a time, remembering the line each record starts on. Holds one
 * record in memory, whatever the size of the input.
 */
final class CsvRecords {

    /** One record and the 1-based line of the input it starts on. */
    record Row(long line, List<String> fields) {
    }

    /** A record that is not well-formed CSV (an unterminated quote, text after a closing quote). */
    static final class MalformedRecord extends Exception {
        private final long line;

        MalformedRecord(long line, String reason) {
            super(reason, null, false, false);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    private final Reader in;
    // read in blocks into a buffer of our own: a BufferedReader takes its lock for every character read
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line;
    private int pending = -2;

    CsvRecords(Reader reader) {
        this.in = reader;
    }

    /** The next record, or {@code null} at the end of the input. Blank lines are skipped. */
    Row next() throws IOException, MalformedRecord {
        int c = read();
        while (c == '\r' || c == '\n') {
            if (c == '\n' || peek() != '\n') {
                line++;
            }
            c = read();
        }
        if (c == -1) {
            return null;
        }
        long start = line + 1;
        var fields = new ArrayList<String>(24);
        var field = new StringBuilder(32);
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    skipRecord(c);
                    throw new MalformedRecord(start, "a quoted field is not closed");
                } else if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = d;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r' || c == -1) {
                fields.add(field.toString());
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c != -1) {
                    line++;
                }
                return new Row(start, fields);
            } else if (afterQuote) {
                skipRecord(c);
                throw new MalformedRecord(start, "text after a closing quote");
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    /** Skips to the end of the current line so the next record starts clean. */
    private void skipRecord(int c) throws IOException {
        while (c != -1 && c != '\n') {
            c = read();
        }
        if (c == '\n') {
            line++;
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return nextChar();
    }

    private int peek() throws IOException {
        if (pending == -2) {
            pending = nextChar();
        }
        return pending;
    }

    private int nextChar() throws IOException {
        if (position == limit) {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return -1;
            }
            position = 0;
            limit = n;
        }
        return buffer[position++];
    }
}
