package io.storedesk.pos.sale.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SaleRepository extends JpaRepository<Sale, UUID> {

    Optional<Sale> findByReceiptNumber(String receiptNumber);

    @Query("""
            select s from Sale s
            where s.businessDate between :from and :to
              and (:total is null or s.total = :total)
            order by s.completedAt desc
            """)
    List<Sale> search(LocalDate from, LocalDate to, BigDecimal total, Limit limit);

    List<Sale> findByLoyaltyCardOrderByCompletedAtDesc(String loyaltyCard, Limit limit);

    @Query("""
            select distinct s from Sale s join s.tenders t
            where s.businessDate between :from and :to
              and (:total is null or s.total = :total)
              and t.maskedPan like :panPattern
            order by s.completedAt desc
            """)
    List<Sale> searchByCard(LocalDate from, LocalDate to, BigDecimal total, String panPattern, Limit limit);

    @Query("""
            select s from Sale s
            where s.businessDate between :from and :to
              and (:total is null or s.total = :total)
              and s.loyaltyCard = :loyaltyCard
            order by s.completedAt desc
            """)
    List<Sale> searchByLoyaltyCard(LocalDate from, LocalDate to, BigDecimal total, String loyaltyCard, Limit limit);
}
