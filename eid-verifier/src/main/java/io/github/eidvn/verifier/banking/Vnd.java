package io.github.eidvn.verifier.banking;

/** Formats amounts of đồng for messages: {@code 10.000.000 đ} in Vietnamese, {@code 10,000,000 VND} in English. */
final class Vnd {

    private Vnd() {
    }

    static String vi(long amount) {
        return group(amount, '.') + " đ";
    }

    static String en(long amount) {
        return group(amount, ',') + " VND";
    }

    private static String group(long amount, char separator) {
        String digits = Long.toString(amount);
        boolean negative = digits.startsWith("-");
        if (negative) {
            digits = digits.substring(1);
        }
        StringBuilder b = new StringBuilder();
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            b.append(separator).append(digits, i, i + 3);
        }
        return (negative ? "-" : "") + b;
    }
}
