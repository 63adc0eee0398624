package dev.prismaspring.client;

import dev.prismaspring.query.PoolFacts;
import javax.sql.DataSource;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;

/**
 * Reads the pool facts of a pooling {@link DataSource} from its bean properties, without depending on a pool
 * library: HikariCP ({@code poolName}, {@code maximumPoolSize}, {@code connectionTimeout}), Tomcat JDBC
 * ({@code name}, {@code maxActive}, {@code maxWait}), Commons DBCP2 ({@code maxTotal}, {@code maxWaitMillis}).
 * Read when a P2024 is reported, so pool settings changed at runtime show.
 */
final class DataSourcePoolFacts {

    private DataSourcePoolFacts() {
    }

    static PoolFacts of(DataSource dataSource) {
        try {
            BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(dataSource);
            Object name = first(bean, "poolName", "name");
            Object size = first(bean, "maximumPoolSize", "maxActive", "maxTotal");
            Object timeout = first(bean, "connectionTimeout", "maxWait", "maxWaitMillis");
            return new PoolFacts(name == null ? null : name.toString(),
                    size instanceof Number n && n.intValue() > 0 ? n.intValue() : null,
                    timeout instanceof Number n && n.longValue() >= 0 ? n.longValue() : null);
        } catch (RuntimeException e) {
            return PoolFacts.UNKNOWN;
        }
    }

    private static Object first(BeanWrapper bean, String... properties) {
        for (String p : properties) {
            if (bean.isReadableProperty(p)) {
                try {
                    Object v = bean.getPropertyValue(p);
                    if (v != null) {
                        return v;
                    }
                } catch (RuntimeException ignored) {
                    // a property whose getter fails: try the next
                }
            }
        }
        return null;
    }
}
