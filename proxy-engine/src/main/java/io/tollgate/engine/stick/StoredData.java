package io.tollgate.engine.stick;

/**
 * One {@code store} option of a table: the type, how many elements (1, or n for
 * {@code gpc(n)}), and for rates the period in milliseconds ({@code http_req_rate(10s)}).
 */
public record StoredData(DataType type, int count, long periodMs) {
    public StoredData {
        if (count < 1 || count > DataType.MAX_ARRAY_SIZE || (count > 1 && !type.isArray())) {
            throw new IllegalArgumentException(type.keyword() + " cannot hold " + count + " elements");
        }
        if (periodMs < 0 || (periodMs > 0 && !type.isRate())) {
            throw new IllegalArgumentException(type.keyword() + " cannot have a period of " + periodMs + " ms");
        }
    }
}
