package dev.prismaspring.query;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client-side {@code @default} generators of Prisma: {@code uuid()} (v4), {@code uuid(7)}, {@code cuid()}
 * (v1), {@code cuid(2)}, {@code nanoid(n)} and {@code ulid()}. Thread-safe; JDK only (cuid2 hashes with SHA3-512).
 */
public final class IdGenerators {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NANOID_ALPHABET =
            "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final AtomicInteger CUID_COUNTER = new AtomicInteger(RANDOM.nextInt(1 << 20));
    private static final String FINGERPRINT = fingerprint();

    private IdGenerators() {
    }

    /** A random (version 4) UUID, lower-case with dashes. */
    public static String uuid4() {
        return UUID.randomUUID().toString();
    }

    /** A time-ordered version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then random bits. */
    public static String uuid7() {
        long ms = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (ms << 16) | 0x7000L | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /**
     * A cuid (version 1): {@code c}, then the time in base 36, a counter, a host fingerprint and random blocks;
     * 25 characters.
     */
    public static String cuid() {
        String time = Long.toString(System.currentTimeMillis(), 36);
        String counter = pad(Integer.toString(CUID_COUNTER.getAndIncrement() & 0x19A0FF, 36), 4);
        return "c" + pad(time, 8) + counter + FINGERPRINT.substring(0, 4) + randomBlock() + randomBlock();
    }

    /**
     * A cuid2 of 24 characters: a random letter, then the base-36 SHA3-512 hash of time, entropy, a counter and a
     * host fingerprint (as {@code @paralleldrive/cuid2}).
     */
    public static String cuid2() {
        int length = 24;
        char first = (char) ('a' + RANDOM.nextInt(26));
        String time = Long.toString(System.currentTimeMillis(), 36);
        StringBuilder salt = new StringBuilder();
        while (salt.length() < length) {
            salt.append(Integer.toString(RANDOM.nextInt(36), 36));
        }
        String count = Integer.toString(CUID_COUNTER.getAndIncrement() & 0x7FFFFFFF, 36);
        String hash = sha3(time + salt + count + FINGERPRINT);
        return first + hash.substring(1, length);
    }

    /** A nanoid of {@code size} URL-safe characters (Prisma's default size is 21). */
    public static String nanoid(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        StringBuilder sb = new StringBuilder(size);
        for (byte b : bytes) {
            sb.append(NANOID_ALPHABET.charAt(b & 63));
        }
        return sb.toString();
    }

    /** A ULID: 26 Crockford base-32 characters, 48 bits of Unix milliseconds then 80 random bits. */
    public static String ulid() {
        long ms = System.currentTimeMillis();
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (ms & 31)];
            ms >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        BigInteger r = new BigInteger(1, random);
        for (int i = 25; i >= 10; i--) {
            out[i] = CROCKFORD[r.intValue() & 31];
            r = r.shiftRight(5);
        }
        return new String(out);
    }

    private static String randomBlock() {
        return pad(Integer.toString(RANDOM.nextInt(36 * 36 * 36 * 36), 36), 4);
    }

    private static String pad(String s, int length) {
        if (s.length() >= length) {
            return s.substring(s.length() - length);
        }
        return "0".repeat(length - s.length()) + s;
    }

    private static String sha3(String input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA3-512").digest(input.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest).toString(36);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA3-512", e);
        }
    }

    private static String fingerprint() {
        String host = String.valueOf(ProcessHandle.current().pid()) + System.getProperty("user.name", "")
                + RANDOM.nextLong();
        return pad(sha3(host), 24);
    }
}
