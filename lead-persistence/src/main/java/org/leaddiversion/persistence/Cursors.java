/*
 * SPDX-FileCopyrightText: The LEAD library contributors
 * SPDX-License-Identifier: Apache-2.0
 */
package org.leaddiversion.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;
import org.leaddiversion.domain.common.InvalidValueException;

/**
 * The text of a page cursor: its kind and sort key, with a checksum, in URL-safe base64. Opaque to a client; a cursor
 * altered by hand, cut short or of another list is refused naming the field it came in.
 */
final class Cursors {

    private static final int MAX_LENGTH = 200;

    private Cursors() {
    }

    static String encode(String kind, Object... key) {
        StringBuilder body = new StringBuilder(kind);
        for (Object part : key) {
            body.append('|').append(part);
        }
        String text = body + "|" + checksum(body.toString());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code parts} parts of the key of a cursor of {@code kind}, or a refusal naming {@code field}. */
    static List<String> decode(String kind, int parts, String token, String field) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            throw refused(field);
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused(field);
        }
        List<String> all = List.of(text.split("\\|", -1));
        if (all.size() != parts + 2 || !all.get(0).equals(kind)) {
            throw refused(field);
        }
        String body = text.substring(0, text.lastIndexOf('|'));
        if (!all.get(all.size() - 1).equals(checksum(body))) {
            throw refused(field);
        }
        return all.subList(1, parts + 1);
    }

    static InvalidValueException refused(String field) {
        return new InvalidValueException(field, "is not a cursor of this list");
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
