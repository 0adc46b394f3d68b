/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaksAndRecordsKeepTheLineTheyStartOn() throws Exception {
        var csv = new CsvRecords(new StringReader("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\nlast,"));
        assertEquals(new CsvRecords.Row(1, List.of("a", "b")), csv.next());
        assertEquals(new CsvRecords.Row(2, List.of("x, y", "say \"hi\"")), csv.next());
        assertEquals(new CsvRecords.Row(4, List.of("two\nlines", "z")), csv.next());
        assertEquals(new CsvRecords.Row(6, List.of("last", "")), csv.next());
        assertNull(csv.next());
    }

    @Test
    void aBrokenRecordIsReportedWithItsLineAndReadingGoesOnAtTheNextLine() throws Exception {
        var csv = new CsvRecords(new StringReader("ok,1\n\"closed\"junk,2\nnext,3\n"));
        assertEquals(1, csv.next().line());
        var broken = assertThrows(CsvRecords.MalformedRecord.class, csv::next);
        assertEquals(2, broken.line());
        assertEquals(new CsvRecords.Row(3, List.of("next", "3")), csv.next());
    }

    @Test
    void recordsSpanningTheReadBlocksOfAnyReaderAreReadWhole() throws Exception {
        var text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("row-").append(i).append(",\"quoted, ").append(i).append("\"\r\n");
        }
        // a reader that hands out 1 to 7 characters a call, and sometimes none
        var trickle = new java.io.Reader() {
            private int at;
            private int call;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (at == text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(length, call++ % 8), text.length() - at);
                text.getChars(at, at + n, buffer, offset);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        var csv = new CsvRecords(trickle);
        for (int i = 0; i < 20_000; i++) {
            assertEquals(new CsvRecords.Row(i + 1, List.of("row-" + i, "quoted, " + i)), csv.next());
        }
        assertNull(csv.next());
    }
}
