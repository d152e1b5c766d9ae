import { Migration } from '@mikro-orm/migrations';

export class Migration20261201UptakeIndexes extends Migration {
  override async up(): Promise<void> {
    // contentUptake asks, for every recipient of a week's materials, whether it placed the material.
    this.addSql('create index placement_material_organization_idx on organizations.placement (material_id, organization_id)');
    // pagesWithoutWidget pages through the few pages still lacking a form, oldest first.
    this.addSql(`create index official_page_missing_widget_idx on organizations.official_page (created_at, id)
      where widget_report_problem_at is null or widget_share_opinion_at is null`);
  }
}
