package io.storedesk.pos.catalog.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ItemRepository extends JpaRepository<Item, String> {

    List<Item> findByActiveTrue();
}
