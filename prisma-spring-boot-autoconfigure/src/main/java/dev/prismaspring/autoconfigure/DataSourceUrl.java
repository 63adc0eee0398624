package dev.prismaspring.autoconfigure;

import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * The JDBC URL of a DataSource, for messages, with passwords hidden: read from its bean properties ({@code jdbcUrl}
 * of HikariCP, {@code url} of the others), so no pool library is needed.
 */
final class DataSourceUrl {

    private DataSourceUrl() {
    }

    /** The redacted URL, or null when the DataSource does not tell it. */
    static @Nullable String of(DataSource dataSource) {
        try {
            BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
            for (String property : new String[] {"jdbcUrl", "url"}) {
                if (bean.isReadableProperty(property) && bean.getPropertyValue(property) instanceof String url) {
                    return redact(url);
                }
            }
        } catch (RuntimeException e) {
            // a DataSource whose getters fail: no URL
        }
        return null;
    }

    /** Hides {@code user:password@} and {@code password=...} parameters. */
    static String redact(String url) {
        return url.replaceAll("(//[^/@:?;]*:)[^@/]*@", "$1***@")
                .replaceAll("(?i)((?:password|pwd|sslpassword)=)[^&;]*", "$1***");
    }
}
