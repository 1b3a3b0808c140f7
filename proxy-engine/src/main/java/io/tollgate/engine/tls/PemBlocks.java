package io.tollgate.engine.tls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The {@code -----BEGIN X----- ... -----END X-----} blocks of a PEM file, in file order, as
 * OpenSSL writes them: text outside blocks is ignored, and a block with RFC 1421 headers
 * ({@code Proc-Type: 4,ENCRYPTED}) is marked encrypted.
 */
final class PemBlocks {
    /** One block: its label ("CERTIFICATE", "RSA PRIVATE KEY", ...) and its decoded content. */
    record Block(String label, byte[] der, boolean encrypted) {
    }

    private PemBlocks() {
    }

    /**
     * @throws IllegalArgumentException if a block is not closed or its content is not base64
     */
    static List<Block> parse(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII);
        List<Block> blocks = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", at);
            if (begin < 0) {
                return blocks;
            }
            int labelEnd = text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                throw new IllegalArgumentException("unterminated PEM header");
            }
            String label = text.substring(begin + 11, labelEnd);
            String endMarker = "-----END " + label + "-----";
            int end = text.indexOf(endMarker, labelEnd + 5);
            if (end < 0) {
                throw new IllegalArgumentException("no '" + endMarker + "'");
            }
            String body = text.substring(labelEnd + 5, end);
            boolean encrypted = false;
            StringBuilder base64 = new StringBuilder(body.length());
            for (String line : body.split("\r?\n")) {
                if (line.contains(":")) {
                    encrypted |= line.startsWith("Proc-Type:") && line.contains("ENCRYPTED");
                    continue;
                }
                base64.append(line.strip());
            }
            blocks.add(new Block(label, Base64.getMimeDecoder().decode(base64.toString()), encrypted));
            at = end + endMarker.length();
        }
    }
}
